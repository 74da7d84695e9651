using TruceWatch.Core.Agreements;
using TruceWatch.Core.Terms;
using TruceWatch.Ingest.Reference;

namespace TruceWatch.Ingest.Terms;

/// <summary>A terms file read from disk: its path and what the parser made of it.</summary>
public sealed record AgreementFile(string Path, TermsResult Result);

/// <summary>
/// The agreements in a folder of YAML terms files (the bundled <c>agreements/</c>), and resolution of a <c>--agreement</c> argument that is
/// either a file path or the id of an agreement in the folder.
/// </summary>
public sealed class AgreementLibrary
{
    private AgreementLibrary(string? directory, IReadOnlyList<AgreementFile> files)
    {
        Directory = directory;
        Files = files;
    }

    /// <summary>The folder read, or <c>null</c> when none was found.</summary>
    public string? Directory { get; }

    /// <summary>Every terms file in the folder, valid or not, by file name.</summary>
    public IReadOnlyList<AgreementFile> Files { get; }

    /// <summary>The valid agreements, by id.</summary>
    public IEnumerable<Agreement> Agreements => Files.Where(f => f.Result.IsValid).Select(f => f.Result.Agreement!);

    /// <summary>The valid agreement with this id, if any.</summary>
    public Agreement? Find(string id) => Agreements.FirstOrDefault(a => a.Id == id);

    /// <summary>The ids of the valid agreements, comma-separated, for messages.</summary>
    public string KnownIds => string.Join(", ", Agreements.Select(a => a.Id));

    /// <summary>Reads every <c>*.yaml</c> / <c>*.yml</c> file of <paramref name="directory"/>.</summary>
    public static AgreementLibrary Load(string? directory)
    {
        if (directory is null || !System.IO.Directory.Exists(directory))
        {
            return new AgreementLibrary(directory, []);
        }

        var files = System.IO.Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new AgreementFile(f, ParseFile(f)))
            .ToList();
        return new AgreementLibrary(directory, files);
    }

    /// <summary>
    /// The bundled folder: <c>TRUCEWATCH_AGREEMENTS</c> if set, else <c>agreements/</c> beside the program, else the repository's
    /// <c>agreements/</c> found by walking up from the working directory.
    /// </summary>
    public static string? FindBundledDirectory()
    {
        if (Environment.GetEnvironmentVariable("TRUCEWATCH_AGREEMENTS") is { Length: > 0 } configured)
        {
            return configured;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "agreements");
        if (System.IO.Directory.Exists(beside))
        {
            return beside;
        }

        return RepositoryFiles.Above(System.IO.Directory.GetCurrentDirectory(), "agreements");
    }

    /// <summary>The bundled library.</summary>
    public static AgreementLibrary Bundled() => Load(FindBundledDirectory());

    /// <summary>
    /// Resolves <paramref name="fileOrId"/>: an existing file is parsed; otherwise it is looked up by id. The result carries the errors
    /// when the file is invalid, or a single error when nothing matches.
    /// </summary>
    public TermsResult Resolve(string fileOrId)
    {
        if (File.Exists(fileOrId))
        {
            return ParseFile(fileOrId);
        }

        foreach (var file in Files)
        {
            if (file.Result.Agreement?.Id == fileOrId || Path.GetFileNameWithoutExtension(file.Path) == fileOrId)
            {
                return file.Result;
            }
        }

        var known = KnownIds;
        return new TermsResult(null, [new TermsDiagnostic(Severity.Error, 1, 1,
            $"'{fileOrId}' is neither a terms file nor the id of a bundled agreement{(known.Length > 0 ? $" (bundled: {known})" : $" (no agreements folder found{(Directory is null ? "" : $" at {Directory}")})")}")]);
    }

    /// <summary>
    /// Reads and parses a terms file. One far beyond the parser's limit (<see cref="TermsLimits.MaxCharacters"/>, at up to four bytes a
    /// character) is refused unread, with one error, so that a huge file is never loaded into memory.
    /// </summary>
    public static TermsResult ParseFile(string path)
    {
        var bytes = new FileInfo(path).Length;
        return bytes > 4L * TermsLimits.MaxCharacters
            ? new TermsResult(null, [new TermsDiagnostic(Severity.Error, 1, 1,
                $"the file is {bytes:N0} bytes long; terms are read up to {TermsLimits.MaxCharacters:N0} characters")])
            : Parse(File.ReadAllText(path));
    }

    /// <summary>Parses terms with region names (English, Ukrainian, Russian) resolved through the bundled gazetteer.</summary>
    public static TermsResult Parse(string yaml) => TermsParser.Parse(yaml, name => Gazetteer.OblastGazetteer.Bundled.Resolve(name)?.Code);
}
