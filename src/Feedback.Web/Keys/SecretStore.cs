using System.Collections.Concurrent;
using System.Security.Cryptography;
using Npgsql;

namespace Feedback.Web.Keys;

/// <summary>
/// The secrets generated once per database (phone-hash key, tracking-reference key, the QR key when none is configured,
/// the key that encrypts the cookie key ring), kept in <c>app_secrets</c> sealed with the master key: every process
/// with the master key reads the same values, a dump of the database alone reads none. Values written in clear by
/// earlier versions (32 bytes) keep their value and are sealed where they are, so printed posters stay valid.
/// </summary>
public sealed class SecretStore(NpgsqlDataSource dataSource, MasterKey master)
{
    public const string PhoneHashKey = "phone-hash-key";
    public const string QrSigningKey = "qr-signing-key";
    public const string TrackingReferenceKey = "tracking-reference-key";
    public const string KeyRingKey = "data-protection-ring-key";

    /// <summary>The length of every value an earlier version stored in clear; a sealed value is longer.</summary>
    private const int ClearLength = 32;

    private readonly ConcurrentDictionary<string, byte[]> _values = new();

    /// <summary>The secret, created if the database has none yet. Read once per process.</summary>
    public byte[] Get(string name) => _values.GetOrAdd(name, Load);

    /// <summary>Seals every value in clear or sealed with an earlier master key; at start, so a later dump holds none.</summary>
    /// <returns>How many values were sealed again.</returns>
    public int SealAll()
    {
        var rows = new List<(string Name, byte[] Value)>();
        using (var select = dataSource.CreateCommand("SELECT name, value FROM app_secrets ORDER BY name"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
                rows.Add((reader.GetString(0), (byte[])reader[1]));
        }
        return rows.Count(row => Open(row.Name, row.Value).Resealed);
    }

    private byte[] Load(string name)
    {
        // Insert-if-missing then read: processes starting together on a new database all end up with the same value.
        using (var insert = dataSource.CreateCommand("INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING"))
        {
            insert.Parameters.Add(new() { Value = name });
            insert.Parameters.Add(new() { Value = master.Seal(name, RandomNumberGenerator.GetBytes(32)) });
            insert.ExecuteNonQuery();
        }
        using var select = dataSource.CreateCommand("SELECT value FROM app_secrets WHERE name = $1");
        select.Parameters.Add(new() { Value = name });
        return Open(name, (byte[])select.ExecuteScalar()!).Value;
    }

    private (byte[] Value, bool Resealed) Open(string name, byte[] stored)
    {
        if (stored.Length == ClearLength)
            return (stored, Replace(name, stored, stored));
        var (value, sealedWithPrevious) = master.Open(name, stored);
        return (value, sealedWithPrevious && Replace(name, stored, value));
    }

    /// <summary>Seals <paramref name="value"/> with the current key in place of <paramref name="stored"/>, unless another process did first.</summary>
    private bool Replace(string name, byte[] stored, byte[] value)
    {
        using var update = dataSource.CreateCommand("UPDATE app_secrets SET value = $3 WHERE name = $1 AND value = $2");
        update.Parameters.Add(new() { Value = name });
        update.Parameters.Add(new() { Value = stored });
        update.Parameters.Add(new() { Value = master.Seal(name, value) });
        return update.ExecuteNonQuery() == 1;
    }
}
