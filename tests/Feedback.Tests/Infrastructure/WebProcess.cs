using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;

using Feedback.Web.Infrastructure;

namespace Feedback.Tests.Infrastructure;

/// <summary>The output of one tool run (`import`, `apikey`, …) of the real program.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error);

/// <summary>
/// The real program as a separate process (`dotnet Feedback.Web.dll …` from its own build output), for tests that
/// must kill a server or read a tool's exit code. Environment variables go to the child only, so tests stay parallel.
/// A server is killed on dispose, so a failing test leaves nothing running.
/// </summary>
public sealed class WebProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private bool _disposed;

    private WebProcess(Process process, string url) => (_process, Url) = (process, url);

    public string Url { get; }

    /// <summary>The first lines the server wrote (stdout and stderr).</summary>
    public IReadOnlyCollection<string> Log => _log;

    /// <summary>src/Feedback.Web/bin/&lt;Configuration&gt;/net10.0/Feedback.Web.dll of the solution these tests belong to.</summary>
    public static string DllPath { get; } = FindDll("Feedback.Web");

    /// <summary>The benchmarks' program, src/Feedback.Bench/bin/&lt;Configuration&gt;/net10.0/Feedback.Bench.dll.</summary>
    public static string BenchDllPath { get; } = FindDll("Feedback.Bench");

    public static async Task<WebProcess> StartServerAsync(string connectionString, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
            var process = Start(connectionString, ["serve", "--urls", url], environment);
            var server = new WebProcess(process, url);
            process.OutputDataReceived += (_, e) => server.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await server.WaitHealthyAsync(ct);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.LostItsPort)
            {
                // The port was free when chosen, but with tests running side by side another socket may take it
                // before the server binds it: start again on another one.
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Starts a server without waiting for it to become healthy (e.g. while its database is down).</summary>
    public static WebProcess Launch(string connectionString, IReadOnlyDictionary<string, string>? environment = null)
    {
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var process = Start(connectionString, ["serve", "--urls", url], environment);
        var server = new WebProcess(process, url);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits until /health answers 200; throws if the server exits or 60 s pass.</summary>
    public Task WaitUntilHealthyAsync(CancellationToken ct) => WaitHealthyAsync(ct);

    private bool LostItsPort => _log.Any(line => line.Contains("address already in use", StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs a subcommand to its end; a run that outlives the timeout is killed.</summary>
    /// <summary>A benchmark of Feedback.Bench (`ingest`, `rate`, …), which starts the service as its own process.</summary>
    public static Task<ToolResult> RunBenchAsync(string[] arguments, CancellationToken ct, TimeSpan limit) =>
        RunAsync(Start(BenchDllPath, "", arguments, null), ct, limit);

    public static Task<ToolResult> RunToolAsync(
        string connectionString, string[] arguments, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? limit = null) =>
        RunAsync(Start(DllPath, connectionString, arguments, environment), ct, limit ?? StartTimeout);

    private static async Task<ToolResult> RunAsync(Process started, CancellationToken ct, TimeSpan limit)
    {
        using var process = started;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        return new ToolResult(process.ExitCode, await output, await error);
    }

    /// <summary>SIGTERM, as systemd stops a service: the host shuts down gracefully.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGKILL: no shutdown, no flushing, like a power cut for the process.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing twice (a test's finally after a failed restart) must not hide the failure with its own.
        if (_disposed)
            return;
        _disposed = true;
        await KillAsync();
        _process.Dispose();
    }

    private static Process Start(string connectionString, string[] arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        Start(DllPath, connectionString, arguments, environment);

    private static Process Start(string dll, string connectionString, string[] arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Relative paths (the embedded cluster's data/) must not land in the repository.
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["ConnectionStrings__Feedback"] = connectionString;
        info.Environment["Jobs__RunServer"] = "false";
        info.Environment["Keys__Master"] = TestKeys.Master;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        return Process.Start(info)!;
    }

    private void Keep(string? line)
    {
        if (line is not null && _log.Count < 2000)
        {
            _log.Enqueue(line);
        }
    }

    private async Task WaitHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}:\n{string.Join('\n', _log)}");
            }
            try
            {
                using var response = await http.GetAsync($"{Url}/health", ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"The server did not become healthy within {StartTimeout.TotalSeconds} s:\n{string.Join('\n', _log)}");
    }

    private static string FindDll(string project)
    {
        var configuration = typeof(WebProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Feedback.sln")))
            {
                var dll = Path.Combine(dir.FullName, "src", project, "bin", configuration, "net10.0", project + ".dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build src/{project} first ({configuration}).", dll);
            }
        }
        throw new DirectoryNotFoundException($"Feedback.sln not found above {AppContext.BaseDirectory}.");
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }
        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/; the host is <root>/dotnet.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
