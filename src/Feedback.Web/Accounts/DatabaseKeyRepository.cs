using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Npgsql;

namespace Feedback.Web.Accounts;

/// <summary>
/// Keeps the data-protection key ring in PostgreSQL, so that every service process on the database accepts the
/// cookies and antiforgery tokens of the others, and a restart signs nobody out. The keys' secrets arrive here
/// encrypted (<see cref="Keys.KeyRingEncryptor"/>); rows stored in clear by earlier versions are encrypted at start.
/// </summary>
internal sealed class DatabaseKeyRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    public IReadOnlyCollection<XElement> GetAllElements() => Rows().Select(r => r.Xml).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = dataSource.CreateCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($1, $2)");
        command.Parameters.Add(new() { Value = friendlyName });
        command.Parameters.Add(new() { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Encrypts the secrets of keys stored in clear, the way data protection encrypts a new key (the marked element
    /// replaced by <c>encryptedSecret</c>), keeping each key: cookies and protected payloads stay readable.
    /// </summary>
    /// <returns>How many keys were encrypted.</returns>
    public int EncryptClearKeys(IXmlEncryptor encryptor)
    {
        var encrypted = 0;
        foreach (var (id, xml) in Rows())
        {
            var clear = xml.Descendants().Where(e => (bool?)e.Attribute(DataProtection + "requiresEncryption") == true).ToList();
            if (clear.Count == 0)
                continue;
            foreach (var element in clear)
            {
                var info = encryptor.Encrypt(new XElement(element));
                element.ReplaceWith(new XElement(DataProtection + "encryptedSecret",
                    new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement));
            }
            using var update = dataSource.CreateCommand("UPDATE data_protection_keys SET xml = $2 WHERE id = $1");
            update.Parameters.Add(new() { Value = id });
            update.Parameters.Add(new() { Value = xml.ToString(SaveOptions.DisableFormatting) });
            encrypted += update.ExecuteNonQuery();
        }
        return encrypted;
    }

    private List<(int Id, XElement Xml)> Rows()
    {
        using var command = dataSource.CreateCommand("SELECT id, xml FROM data_protection_keys ORDER BY id");
        using var reader = command.ExecuteReader();
        var rows = new List<(int, XElement)>();
        while (reader.Read())
            rows.Add((reader.GetInt32(0), XElement.Parse(reader.GetString(1))));
        return rows;
    }
}
