namespace TruceWatch.Ingest.Reference;

/// <summary>Finds the bundled data of a source checkout: a path inside the nearest folder above a start that holds TruceWatch.slnx.</summary>
internal static class RepositoryFiles
{
    /// <summary>
    /// The file or folder at <paramref name="relative"/> under the first folder at or above <paramref name="start"/> that holds both it
    /// and TruceWatch.slnx, or <c>null</c> (a published program has no checkout around it).
    /// </summary>
    public static string? Above(string start, params string[] relative)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. relative]);
            if ((File.Exists(candidate) || Directory.Exists(candidate)) && File.Exists(Path.Combine(dir.FullName, "TruceWatch.slnx")))
            {
                return candidate;
            }
        }

        return null;
    }
}
