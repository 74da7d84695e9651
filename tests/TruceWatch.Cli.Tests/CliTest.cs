namespace TruceWatch.Cli.Tests;

/// <summary>A test of the program as a process, in a working folder of its own that is removed afterwards.</summary>
public abstract class CliTest : IDisposable
{
    /// <summary>The working folder the program runs in.</summary>
    protected string Dir { get; } = Directory.CreateTempSubdirectory("trucewatch-cli-").FullName;

    /// <summary>Runs <c>trucewatch</c> with <paramref name="args"/> in <see cref="Dir"/>.</summary>
    protected Task<Trucewatch.Outcome> Run(params string[] args) => Trucewatch.RunAsync(Dir, args);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder if a process still holds a file.
        }
    }
}
