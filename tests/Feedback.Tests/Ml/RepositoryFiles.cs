namespace Feedback.Tests.Ml;

/// <summary>Finds checked-in files (models/…) by walking up from the test binaries to the folder holding Feedback.sln.</summary>
internal static class RepositoryFiles
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Feedback.sln")))
                return System.IO.Path.Combine(dir.FullName, relative);
        throw new DirectoryNotFoundException("repository root (Feedback.sln) not found above " + AppContext.BaseDirectory);
    }
}
