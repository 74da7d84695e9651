namespace TruceWatch.Storage.Edits;

/// <summary>
/// The one form every versioned edit takes, on both backends: change the row only where its version is the one the editor saw, and
/// bump the version in the same statement. Zero rows changed means a conflict (the row exists at another version) or no such row.
/// </summary>
internal static class Optimistic
{
    /// <summary><c>UPDATE table SET assignments, version = version + 1 WHERE id = @id AND version = @expected_version</c>.</summary>
    public static string Update(string table, string assignments) =>
        $"UPDATE {table} SET {assignments}, version = version + 1 WHERE id = @id AND version = @expected_version";
}
