using System.Diagnostics;
using System.Globalization;

namespace Feedback.Bench;

/// <summary>The service (Feedback.Web, as built beside this program) started as a separate `serve` process, so that load and server do not share a runtime.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string url) => (_process, Url) = (process, url);

    public string Url { get; }

    public int ProcessId => _process.Id;

    public static async Task<ServerProcess> StartAsync(int port, IDictionary<string, string> environment, CancellationToken ct)
    {
        var url = $"http://127.0.0.1:{port}";
        var info = ServiceStartInfo("serve", "--urls", url);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var process = Process.Start(info)!;
        // The server logs warnings and errors only (see above): worth seeing when a request fails.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[server] {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[server] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, url);
        await server.WaitHealthyAsync(ct);
        return server;
    }

    /// <summary>Peak resident set size (VmHWM) in bytes.</summary>
    public long PeakRss()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>CPU time the server has used so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>`dotnet Feedback.Web.dll …`: the service's assembly is copied beside this program by the project reference.</summary>
    public static ProcessStartInfo ServiceStartInfo(params string[] arguments)
    {
        var info = new ProcessStartInfo(DotnetHost());
        info.ArgumentList.Add(typeof(Feedback.Web.Cli.FeedbackCommandLine).Assembly.Location);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return info;
    }

    private async Task WaitHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}.");
            }
            try
            {
                if ((await http.GetAsync($"{Url}/health", ct)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException("The server did not become healthy within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>The dotnet host running this program (under `dotnet run` as under `dotnet Feedback.Bench.dll`).</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? path
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
