using System.Runtime.InteropServices;

namespace TruceWatch.Storage.Sqlite;

/// <summary>
/// The few SQLite C functions the bulk insert calls per row, on raw handles. SQLitePCL's wrappers take each handle as a SafeHandle,
/// which adds a reference-count increment and decrement to each of the ~30 calls a row makes; the inserter holds its handles for its
/// whole life, so it passes them bare. Same native library as Microsoft.Data.Sqlite (e_sqlite3).
/// </summary>
internal static partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies bound text before the call returns.</summary>
    private static readonly nint Transient = -1;

    /// <summary>Something to point at when binding empty text (a null pointer would bind NULL).</summary>
    private static readonly byte[] Empty = [0];

    public static void BindText(nint statement, int index, ReadOnlySpan<byte> utf8) =>
        Bound(index, sqlite3_bind_text(statement, index, ref MemoryMarshal.GetReference(utf8.IsEmpty ? Empty : utf8), utf8.Length, Transient));

    public static void BindInt64(nint statement, int index, long value) => Bound(index, sqlite3_bind_int64(statement, index, value));

    public static void BindDouble(nint statement, int index, double value) => Bound(index, sqlite3_bind_double(statement, index, value));

    public static void BindNull(nint statement, int index) => Bound(index, sqlite3_bind_null(statement, index));

    private static void Bound(int index, int rc)
    {
        if (rc != 0)
        {
            throw new InvalidOperationException($"SQLite refused the value of parameter {index} (error code {rc}).");
        }
    }

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_text(nint statement, int index, ref byte text, int length, nint destructor);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_int64(nint statement, int index, long value);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_double(nint statement, int index, double value);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_null(nint statement, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    public static partial int Step(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_reset")]
    public static partial int Reset(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_changes")]
    public static partial int Changes(nint database);
}
