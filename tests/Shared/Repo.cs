namespace TruceWatch.Testing;

/// <summary>Paths in the repository the tests run from. One copy, linked into every test project by tests/Directory.Build.props.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding <c>TruceWatch.slnx</c>, found by walking up from the test binaries.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The bundled agreements folder.</summary>
    public static string Agreements => Path.Combine(Root, "agreements");

    /// <summary>A file under the repository's <c>data/</c> folder.</summary>
    public static string Data(params string[] parts) => Path.Combine([Root, "data", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TruceWatch.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No TruceWatch.slnx above {AppContext.BaseDirectory}.");
    }
}
