using Npgsql;
using TruceWatch.Storage.Tests;
using Xunit;

[assembly: AssemblyFixture(typeof(PostgresTemplate))]

namespace TruceWatch.Storage.Tests;

/// <summary>
/// A template database with PostGIS already installed, made once per test run and dropped at its end. Installing PostGIS takes most
/// of a second, so suite tests copy this template instead of installing it into every fresh database; the tests of the migration
/// itself start from an empty database.
/// </summary>
public sealed class PostgresTemplate : IAsyncDisposable
{
    private readonly Lazy<Task<string>> _name = new(CreateAsync);

    /// <summary>The template's name, creating it on first use.</summary>
    public Task<string> NameAsync() => _name.Value;

    public async ValueTask DisposeAsync()
    {
        if (_name.IsValueCreated && _name.Value.IsCompletedSuccessfully)
        {
            await PostgresServer.DropDatabaseAsync(await _name.Value);
        }
    }

    private static async Task<string> CreateAsync()
    {
        var name = PostgresServer.NewName() + "_template";
        var database = await PostgresServer.CreateDatabaseAsync(name);

        // Unpooled: a copy can only be made while no one is connected to the template.
        database.Pooling = false;
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("""
            DO $$ BEGIN
                IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') THEN CREATE EXTENSION postgis; END IF;
            END $$
            """, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return name;
    }
}
