using System.Diagnostics;
using System.Security.Cryptography;
using Feedback.Web.Infrastructure;
using Npgsql;

namespace Feedback.Web.Data;

/// <summary>
/// A private PostgreSQL cluster started from the machine's server binaries: the zero-config default,
/// and the throwaway server of the test run. Runs as the <c>postgres</c> system user when we are root,
/// because initdb and postgres refuse to run as root.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string InstallHint = "apt-get install -y postgresql";
    private const string SuperUser = "feedback";

    private readonly string _dataDirectory;
    private readonly string _binDirectory;
    private bool _ownsServer;

    private EmbeddedPostgres(string dataDirectory, string binDirectory)
    {
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
    }

    public int Port { get; private set; }

    public string BinDirectory => _binDirectory;

    public string DataDirectory => _dataDirectory;

    /// <summary>True while a server process runs on the data directory.</summary>
    public bool IsRunning => Run(false, "pg_ctl", "status", "-D", _dataDirectory).ExitCode == 0;

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = File.ReadAllText(PasswordFile).Trim(),
        Database = database,
    }.ConnectionString;

    private string PasswordFile => _dataDirectory + ".password";

    /// <summary>Initialises the cluster if needed and starts it, or attaches to a server already running on it.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, string? binDirectory = null, CancellationToken ct = default)
    {
        binDirectory ??= FindBinDirectory();
        if (!File.Exists(Path.Combine(binDirectory, "initdb")))
        {
            throw new PostgresNotInstalledException($"No PostgreSQL server binaries (initdb) in {binDirectory}. Install them: {InstallHint}");
        }
        var server = new EmbeddedPostgres(ReachableDirectory(Path.GetFullPath(dataDirectory)), binDirectory);
        await Task.Run(server.Start, ct);
        return server;
    }

    public async Task CreateDatabaseIfMissingAsync(string database, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Stops the server if this instance started it; a server we attached to is left running.</summary>
    public async Task StopAsync()
    {
        if (!_ownsServer)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await Task.Run(() => Run(false, "pg_ctl", "stop", "-D", _dataDirectory, "-m", "fast", "-w"));
        _ownsServer = false;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>
    /// Stops the server with pg_ctl's <paramref name="mode"/> ("immediate" is a crash, "fast" a clean stop), keeping
    /// <see cref="Port"/> for <see cref="StartAgainAsync"/>: for fault tests, which take the database away under load.
    /// </summary>
    public Task StopAsync(string mode) => Task.Run(() => Run(true, "pg_ctl", "stop", "-D", _dataDirectory, "-m", mode, "-w"));

    /// <summary>Starts a server stopped with <see cref="StopAsync(string)"/> again on the same port.</summary>
    public Task StartAgainAsync() => Task.Run(() => StartOnPort(Port));

    private void Start()
    {
        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")))
        {
            Initialise();
        }
        if (IsRunning && TryReadRunningPort() is int port)
        {
            Port = port;
            return;
        }
        StartOnPort(LoopbackPort.Free());
    }

    private void StartOnPort(int port)
    {
        Port = port;
        var options = $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories='' -c max_connections=200";
        Run(true, "pg_ctl", "start", "-D", _dataDirectory, "-w", "-t", "60", "-l", _dataDirectory + ".log", "-o", options);
        _ownsServer = true;
    }

    private void Initialise()
    {
        Directory.CreateDirectory(_dataDirectory);
        File.WriteAllText(PasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        // initdb reads the password from a file that the postgres user can read; it is removed right after.
        var pwfile = Path.Combine(Path.GetTempPath(), $"feedback-pw-{Guid.NewGuid():N}");
        File.WriteAllText(pwfile, File.ReadAllText(PasswordFile));
        try
        {
            GiveToPostgresUser(_dataDirectory, pwfile, _dataDirectory + ".log");
            Run(true, "initdb", "-D", _dataDirectory, "-U", SuperUser, "--pwfile=" + pwfile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8");
        }
        finally
        {
            File.Delete(pwfile);
        }
    }

    private int? TryReadRunningPort()
    {
        // postmaster.pid: line 4 is the port.
        var pidFile = Path.Combine(_dataDirectory, "postmaster.pid");
        try
        {
            var lines = File.ReadAllLines(pidFile);
            return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static void GiveToPostgresUser(params string[] paths)
    {
        if (!IsRoot)
        {
            return;
        }
        foreach (var path in paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                File.WriteAllText(path, "");
            }
            RunProcess(true, "chown", "-R", "postgres:", path);
        }
    }

    /// <summary>
    /// As root the cluster belongs to the postgres user, which cannot enter private homes such as /root.
    /// Then the cluster lives under /var/lib/postgresql with a name derived from the requested path.
    /// </summary>
    private static string ReachableDirectory(string requested)
    {
        if (!IsRoot)
        {
            return requested;
        }
        var parent = Path.GetDirectoryName(requested)!;
        Directory.CreateDirectory(parent);
        if (RunProcess(false, "runuser", "-u", "postgres", "--", "test", "-x", parent).ExitCode == 0)
        {
            return requested;
        }
        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(requested)))[..12].ToLowerInvariant();
        var fallback = $"/var/lib/postgresql/feedback-{hash}/{Path.GetFileName(requested)}";
        Directory.CreateDirectory(Path.GetDirectoryName(fallback)!);
        RunProcess(true, "chown", "postgres:", Path.GetDirectoryName(fallback)!);
        return fallback;
    }

    private static string FindBinDirectory()
    {
        var root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new PostgresNotInstalledException($"PostgreSQL server binaries not found under {root}. Install them: {InstallHint}");
    }

    private (int ExitCode, string Output) Run(bool throwOnError, string tool, params string[] arguments)
    {
        var path = Path.Combine(_binDirectory, tool);
        return IsRoot
            ? RunProcess(throwOnError, "runuser", ["-u", "postgres", "--", path, .. arguments])
            : RunProcess(throwOnError, path, arguments);
    }

    private static (int ExitCode, string Output) RunProcess(bool throwOnError, string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var output = stdout.Result + stderr.Result;
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Trim()}");
        }
        return (process.ExitCode, output);
    }
}

public sealed class PostgresNotInstalledException(string message) : Exception(message);
