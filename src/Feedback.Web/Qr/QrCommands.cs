using System.CommandLine;
using Feedback.Web.Cli;

namespace Feedback.Web.Qr;

/// <summary>`qr --window CODE | --all --out FILE`: printable posters from the command line.</summary>
internal static class QrCommands
{
    public static Command Create()
    {
        var window = new Option<string?>("--window") { Description = "The window's code (e.g. W001)." };
        var staff = new Option<string?>("--staff") { Description = "With --window: a poster for this staff member at the window." };
        var all = new Option<bool>("--all") { Description = "Every window, one page each (PDF)." };
        var output = new Option<FileInfo>("--out") { Description = "File to write; .pdf or .png.", Required = true };
        var format = new Option<string?>("--format") { Description = "pdf or png (default: from the file's extension)." };
        var size = new Option<string>("--size") { Description = "Page size of the PDF: a5 or a4.", DefaultValueFactory = _ => "a5" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Public address the QR codes point to (default: Qr:PublicBaseUrl)." };
        var command = new Command("qr", "Print QR rating posters for windows.") { window, staff, all, output, format, size, baseUrl };
        command.SetAction((result, ct) => ToolHost.RunAsync(() => RunAsync(result.GetValue(window), result.GetValue(staff), result.GetValue(all),
            result.GetValue(output)!, result.GetValue(format), result.GetValue(size)!, result.GetValue(baseUrl), ct)));
        return command;
    }

    private static async Task<int> RunAsync(
        string? window, string? staff, bool all, FileInfo output, string? format, string size, string? baseUrl, CancellationToken ct)
    {
        if ((window is null) == !all || (staff is not null && window is null))
        {
            throw new ArgumentException("Give either --window CODE [--staff CODE] or --all.");
        }
        var formatName = format ?? output.Extension.TrimStart('.');
        if (!Enum.TryParse<PosterFormat>(formatName, ignoreCase: true, out var posterFormat) || !Enum.TryParse<PosterSize>(size, ignoreCase: true, out var posterSize))
        {
            throw new ArgumentException($"Unknown format '{formatName}' or size '{size}': use pdf or png, a5 or a4.");
        }
        if (all && posterFormat == PosterFormat.Png)
        {
            throw new ArgumentException("--all makes one PDF page per window; PNG takes one --window.");
        }
        await using var app = await ToolHost.StartAsync(ct);
        ConsoleProgress? progress = null;
        var (made, refused) = await app.Services.GetRequiredService<QrPosterMaker>().MakeAsync(window, staff, posterFormat, posterSize, baseUrl,
            all ? (done, total) => (progress ??= new ConsoleProgress("posters", total)).Report(done, done) : null, ct);
        var bytes = made ?? throw new ArgumentException(refused ?? $"Unknown window '{window}', or staff '{staff}' not of its department.");
        progress?.Done();
        await File.WriteAllBytesAsync(output.FullName, bytes, ct);
        Console.WriteLine($"wrote {output.FullName} ({bytes.Length:N0} bytes)");
        return 0;
    }
}
