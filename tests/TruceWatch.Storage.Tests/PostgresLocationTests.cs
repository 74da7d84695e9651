using Npgsql;
using Shouldly;
using TruceWatch.Storage.Postgres;
using Xunit;

namespace TruceWatch.Storage.Tests;

/// <summary>Reading PostgreSQL locations: no server needed.</summary>
public sealed class PostgresLocationTests
{
    [Theory]
    [InlineData("data/trucewatch.db", false)]
    [InlineData("/var/lib/trucewatch/hosts.db", false)]
    [InlineData("postgres://db/truce", true)]
    [InlineData("PostgreSQL://db/truce", true)]
    [InlineData("Host=db;Database=truce", true)]
    [InlineData("host=db;database=truce", true)]
    public void A_location_is_PostgreSQL_when_it_is_a_postgres_uri_or_a_Host_connection_string(string location, bool expected) =>
        PostgresLocation.IsPostgres(location).ShouldBe(expected);

    [Fact]
    public void A_uri_becomes_a_connection_string_with_every_part_decoded()
    {
        var builder = Read("postgres://monitor:p%40ss%3Aword@db.example.org:5433/truce%20watch?sslmode=verify-full&application_name=tw&connect_timeout=7");

        builder.Host.ShouldBe("db.example.org");
        builder.Port.ShouldBe(5433);
        builder.Username.ShouldBe("monitor");
        builder.Password.ShouldBe("p@ss:word");
        builder.Database.ShouldBe("truce watch");
        builder.SslMode.ShouldBe(SslMode.VerifyFull);
        builder.ApplicationName.ShouldBe("tw");
        builder.Timeout.ShouldBe(7);
    }

    [Theory]
    [InlineData("postgresql://db", "db", 5432, null)]
    [InlineData("postgresql://db/truce", "db", 5432, "truce")]
    [InlineData("postgresql://[::1]:5433/truce", "::1", 5433, "truce")]
    [InlineData("postgresql://u@10.0.0.1/truce", "10.0.0.1", 5432, "truce")]
    [InlineData("postgresql://u@a:5432,b:5433/truce", "a:5432,b:5433", 5432, "truce")]
    public void A_uri_gives_host_port_and_database(string uri, string host, int port, string? database)
    {
        var builder = Read(uri);

        builder.Host.ShouldBe(host);
        builder.Port.ShouldBe(port);
        builder.Database.ShouldBe(database);
    }

    [Theory]
    [InlineData("postgres://", "no host")]
    [InlineData("postgres://u:secret@/truce", "no host")]
    [InlineData("postgres://u:secret@db:99999/truce", "port '99999'")]
    [InlineData("postgres://u:secret@db:x/truce", "port 'x'")]
    [InlineData("postgres://u:secret@db/truce?sslmode=always", "sslmode 'always'")]
    [InlineData("postgres://u:secret@db/truce?pool=yes", "parameter 'pool'")]
    public void A_bad_uri_is_refused_with_a_message_that_says_why_and_hides_the_password(string uri, string reason)
    {
        var error = Should.Throw<ArgumentException>(() => PostgresLocation.ToConnectionString(uri));

        error.Message.ShouldContain(reason);
        error.Message.ShouldNotContain("secret");
    }

    [Fact]
    public void A_bad_connection_string_is_refused_without_repeating_it()
    {
        var error = Should.Throw<ArgumentException>(() => PostgresLocation.ToConnectionString("Host=db;Password=secret;Colour=blue"));

        error.Message.ShouldContain("colour", Case.Insensitive);
        error.Message.ShouldNotContain("secret");
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_reported_with_host_port_and_database()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            StoreFactory.OpenAsync("Host=127.0.0.1;Port=1;Database=truce;Password=secret;Timeout=3", TimeProvider.System, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("127.0.0.1:1/truce");
        error.Message.ShouldNotContain("secret");
    }

    private static NpgsqlConnectionStringBuilder Read(string uri) => new(PostgresLocation.ToConnectionString(uri));
}
