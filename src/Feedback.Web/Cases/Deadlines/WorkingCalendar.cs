using System.Text.Json;

namespace Feedback.Web.Cases.Deadlines;

/// <summary>
/// Which dates are workdays: Monday to Friday unless a year file lists them as holidays, Saturday and Sunday only
/// when a year file lists them as make-up workdays (调休). Years without a file fall back to plain weekdays; callers
/// check <see cref="KnownYears"/> to warn about that.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>One year file, as published in the State Council's notice on public holidays.</summary>
    public sealed record YearFile(int Year, DateOnly[]? Holidays, DateOnly[]? Workdays, string? Source);

    private static readonly string ResourcePrefix = typeof(WorkingCalendar).Namespace + ".Calendars.";

    // The files are edited by hand once a year, so a misspelt key should fail loudly rather than drop the dates.
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _workdays = [];
    private readonly SortedSet<int> _years = [];

    public WorkingCalendar(IEnumerable<YearFile> years)
    {
        foreach (var year in years)
        {
            if (!_years.Add(year.Year))
                throw new InvalidDataException($"The calendar for {year.Year} is given twice.");
            _holidays.UnionWith(year.Holidays ?? []);
            _workdays.UnionWith(year.Workdays ?? []);
        }
    }

    /// <summary>Years with a calendar file; dates in other years fall back to Monday–Friday.</summary>
    public IReadOnlySet<int> KnownYears => _years;

    public bool IsWorkday(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? _workdays.Contains(date) : !_holidays.Contains(date);

    /// <summary>
    /// The year files in <paramref name="directory"/> when given; otherwise the shipped ones, embedded in the assembly
    /// or, until the build embeds them, copied beside the program.
    /// </summary>
    public static WorkingCalendar Load(string? directory = null)
    {
        if (directory is not null)
            return FromDirectory(directory);

        var embedded = FromEmbeddedResources();
        if (embedded.KnownYears.Count > 0)
            return embedded;

        var besideProgram = Path.Combine(AppContext.BaseDirectory, "Cases", "Deadlines", "Calendars");
        if (Directory.Exists(besideProgram))
            return FromDirectory(besideProgram);

        throw new InvalidOperationException(
            $"No holiday calendars: neither embedded resources '{ResourcePrefix}*.json' nor the folder {besideProgram} exist.");
    }

    public static WorkingCalendar FromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Calendar folder {directory} does not exist.");

        return new(Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(file =>
        {
            using var stream = File.OpenRead(file);
            return Parse(stream, file);
        }).ToList());
    }

    public static WorkingCalendar FromEmbeddedResources()
    {
        var assembly = typeof(WorkingCalendar).Assembly;
        return new(assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                return Parse(stream, name);
            }).ToList());
    }

    /// <summary>Reads one year file and rejects the typos a hand-copied notice tends to have.</summary>
    public static YearFile Parse(Stream stream, string name)
    {
        YearFile? file;
        try
        {
            file = JsonSerializer.Deserialize<YearFile>(stream, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: {e.Message}", e);
        }

        if (file is null || file.Year is < 1 or > 9999)
            throw new InvalidDataException($"{name}: \"year\" is missing.");
        Check(file, name);
        return file;
    }

    private static void Check(YearFile file, string name)
    {
        var holidays = file.Holidays ?? [];
        var workdays = file.Workdays ?? [];
        var stem = Path.GetFileNameWithoutExtension(name);
        if (int.TryParse(stem[(stem.LastIndexOf('.') + 1)..], out var named) && named != file.Year)
            throw new InvalidDataException($"{name}: the file name says {named} but \"year\" is {file.Year}.");
        foreach (var date in holidays.Concat(workdays).Where(d => d.Year != file.Year))
            throw new InvalidDataException($"{name}: {date:yyyy-MM-dd} is not in {file.Year}.");
        foreach (var date in holidays.Intersect(workdays))
            throw new InvalidDataException($"{name}: {date:yyyy-MM-dd} is listed both as a holiday and as a make-up workday.");
        // A make-up workday on a weekday would change nothing, so it is a typo for a weekend date.
        foreach (var date in workdays.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            throw new InvalidDataException($"{name}: make-up workday {date:yyyy-MM-dd} is a {date.DayOfWeek}, not a weekend day.");
    }
}
