namespace TruceWatch.Ingest.Tests;

/// <summary>The repository's root folder, found by walking up from the test binaries to TruceWatch.slnx.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TruceWatch.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TruceWatch.slnx not found above " + AppContext.BaseDirectory);
    }
}
