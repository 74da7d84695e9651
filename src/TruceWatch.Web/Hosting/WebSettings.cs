namespace TruceWatch.Web.Hosting;

/// <summary>What the web app serves: the store and the folder of agreement terms; and whether it keeps stored verdicts current.</summary>
public sealed record WebSettings(string Db, string? AgreementsDirectory, bool Judging = true)
{
    /// <summary>The default store file, <c>trucewatch.db</c> in the working directory.</summary>
    public const string DefaultDb = "trucewatch.db";

    /// <summary>Settings from <c>TRUCEWATCH_DB</c> and <c>TRUCEWATCH_AGREEMENTS</c>, with defaults.</summary>
    public static WebSettings FromEnvironment() => new(
        Environment.GetEnvironmentVariable("TRUCEWATCH_DB") is { Length: > 0 } db ? db : DefaultDb,
        Environment.GetEnvironmentVariable("TRUCEWATCH_AGREEMENTS"));
}
