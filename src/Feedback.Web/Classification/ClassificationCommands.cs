using System.CommandLine;

namespace Feedback.Web.Classification;

internal static class ClassificationCommands
{
    public static void AddClassificationCommands(this RootCommand root, Command bench)
    {
    }
}
