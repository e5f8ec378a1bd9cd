using System.Security.Cryptography;
using Feedback.Web.Data;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Keys;

/// <summary>
/// Finds the master key: <c>Keys:Master</c>, else the file <c>Keys:File</c> (created if missing), else on the embedded
/// database a file beside the cluster's directory. With a configured database and neither setting the start stops:
/// processes on several machines would each make a key of their own and disagree on every hash and cookie, and a key
/// made silently is a key nobody backs up.
/// </summary>
internal static class MasterKeyLoader
{
    public const string DefaultFileName = "feedback.key";

    public static MasterKey Load(IOptions<KeyOptions> keys, IOptions<DatabaseOptions> database, FeedbackDatabase feedbackDatabase, ILogger logger)
    {
        var options = keys.Value;
        var previous = options.Previous.Select((p, i) => Decode(p, $"Keys:Previous:{i}")).ToList();
        if (!string.IsNullOrWhiteSpace(options.Master))
            return new(Decode(options.Master, "Keys:Master"), previous, "Keys:Master");
        var file = options.File;
        if (string.IsNullOrWhiteSpace(file))
        {
            if (!feedbackDatabase.IsEmbedded)
                throw new KeyConfigurationException(
                    "ConnectionStrings:Feedback is set but no master key is: set Keys__File to a path (a key is created there if " +
                    "missing; give every process a copy of the same file) or Keys__Master to base64 of 32 random bytes " +
                    "(openssl rand -base64 32). See docs/configuration.md.");
            file = DefaultFile(database.Value.EmbeddedDataDirectory);
        }
        file = Path.GetFullPath(file);
        return new(ReadOrCreate(file, logger), previous, file);
    }

    /// <summary>Beside the embedded cluster's directory, never inside it: a copy of the cluster must not carry its key.</summary>
    public static string DefaultFile(string embeddedDataDirectory) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(embeddedDataDirectory))!, DefaultFileName);

    private static byte[] ReadOrCreate(string file, ILogger logger)
    {
        if (!File.Exists(file))
            TryCreate(file, logger);
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            logger.LogWarning("The master key file {File} is readable by other users; chmod 600 it", file);
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeyConfigurationException($"The master key file {file} cannot be read: {ex.Message}");
        }
        return Decode(text, file);
    }

    private static void TryCreate(string file, ILogger logger)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            // CreateNew: of processes starting together, one writes the key and the others read it.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var writer = new StreamWriter(file, options))
                writer.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MasterKey.KeyBytes)));
            logger.LogWarning("Created a new master key in {File}: back it up apart from the database (docs/operations.md#backups)", file);
        }
        catch (IOException) when (File.Exists(file))
        {
        }
    }

    private static byte[] Decode(string base64, string where)
    {
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var length) || length != MasterKey.KeyBytes)
            throw new KeyConfigurationException($"{where} must hold base64 of {MasterKey.KeyBytes} random bytes (openssl rand -base64 32).");
        return buffer[..length];
    }
}
