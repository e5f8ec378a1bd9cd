using System.Diagnostics;

namespace Feedback.Web.Cli;

/// <summary>
/// A progress bar on stderr, so that stdout stays clean for results. On a terminal it redraws one line;
/// when redirected it prints a line every 10%.
/// </summary>
internal sealed class ConsoleProgress(string label, long total, string unit = "rows")
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private long _lastDraw = -1000;
    private int _lastDecile = -1;

    public void Report(long done, long items)
    {
        var fraction = total <= 0 ? 1 : Math.Clamp((double)done / total, 0, 1);
        var elapsed = _clock.Elapsed.TotalSeconds;
        var rate = elapsed > 0 ? items / elapsed : 0;
        if (_interactive)
        {
            if (_clock.ElapsedMilliseconds - _lastDraw < 200 && fraction < 1) return;
            _lastDraw = _clock.ElapsedMilliseconds;
            var filled = (int)(fraction * 30);
            Console.Error.Write($"\r{label} [{new string('#', filled)}{new string('.', 30 - filled)}] {fraction,4:P0} {items:N0} {unit} {rate:N0}/s ");
        }
        else if ((int)(fraction * 10) is var decile && decile > _lastDecile)
        {
            _lastDecile = decile;
            Console.Error.WriteLine($"{label}: {fraction:P0}, {items:N0} {unit}, {rate:N0}/s");
        }
    }

    public void Done()
    {
        if (_interactive) Console.Error.WriteLine();
    }
}
