namespace Feedback.Tests.Ml;

/// <summary>Finds checked-in files (models/…) from the test binaries by walking up to the solution folder.</summary>
internal static class RepositoryFiles
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Feedback.sln")) || Directory.Exists(System.IO.Path.Combine(dir.FullName, "models")))
                return System.IO.Path.Combine(dir.FullName, relative);
        throw new DirectoryNotFoundException("repository root (Feedback.sln) not found above " + AppContext.BaseDirectory);
    }
}
