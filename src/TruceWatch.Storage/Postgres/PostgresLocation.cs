using System.Globalization;
using Npgsql;

namespace TruceWatch.Storage.Postgres;

/// <summary>Recognises a PostgreSQL store location and turns it into an Npgsql connection string: a <c>postgres://</c> URI or a <c>Host=…</c> string.</summary>
public static class PostgresLocation
{
    private static readonly string[] Schemes = ["postgresql://", "postgres://"];

    /// <summary>URI query parameters (libpq names) and the Npgsql keywords they become.</summary>
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["host"] = "Host",
        ["port"] = "Port",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["options"] = "Options",
        ["passfile"] = "Passfile",
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["target_session_attrs"] = "Target Session Attributes",
    };

    private static readonly Dictionary<string, string> SslModes = new(StringComparer.Ordinal)
    {
        ["disable"] = "Disable",
        ["allow"] = "Allow",
        ["prefer"] = "Prefer",
        ["require"] = "Require",
        ["verify-ca"] = "VerifyCA",
        ["verify-full"] = "VerifyFull",
    };

    /// <summary>Whether <paramref name="location"/> names a PostgreSQL server rather than a SQLite file.</summary>
    public static bool IsPostgres(string location) =>
        Schemes.Any(s => location.StartsWith(s, StringComparison.OrdinalIgnoreCase)) || location.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The Npgsql connection string for <paramref name="location"/>. A URI
    /// (<c>postgres[ql]://[user[:password]@]host[:port][,host[:port]…][/database][?sslmode=…&amp;…]</c>, parts percent-encoded) is converted;
    /// a <c>Host=…</c> string is checked. Messages never repeat the password.
    /// </summary>
    /// <exception cref="ArgumentException">The location is not a usable PostgreSQL location; the message says why.</exception>
    public static string ToConnectionString(string location)
    {
        var scheme = Schemes.FirstOrDefault(s => location.StartsWith(s, StringComparison.OrdinalIgnoreCase));
        var builder = scheme is null ? Parse(location) : FromUri(location, scheme);
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ArgumentException($"The PostgreSQL location {Describe(location)} names no host.", nameof(location));
        }

        return builder.ConnectionString;
    }

    /// <summary>Host, port and database of a connection string, for messages (never the password).</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? ""}";

    private static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // Npgsql's message names the bad keyword; the string itself may hold a password, so it is not repeated.
            throw new ArgumentException($"Not a valid PostgreSQL connection string: {e.Message}", nameof(connectionString), e);
        }
    }

    private static NpgsqlConnectionStringBuilder FromUri(string uri, string scheme)
    {
        var rest = uri[scheme.Length..];
        var query = "";
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        var database = "";
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            database = rest[(slash + 1)..];
            rest = rest[..slash];
        }

        var builder = new NpgsqlConnectionStringBuilder();
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            Set(builder, "Username", Uri.UnescapeDataString(colon >= 0 ? userInfo[..colon] : userInfo), uri);
            if (colon >= 0)
            {
                Set(builder, "Password", Uri.UnescapeDataString(userInfo[(colon + 1)..]), uri);
            }
        }

        SetHosts(builder, rest, uri);
        Set(builder, "Database", Uri.UnescapeDataString(database), uri);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq >= 0 ? pair[..eq] : pair);
            var value = eq >= 0 ? Uri.UnescapeDataString(pair[(eq + 1)..]) : "";
            if (!Parameters.TryGetValue(name, out var keyword))
            {
                throw new ArgumentException(
                    $"The PostgreSQL URI {Describe(uri)} has the parameter '{name}', which is not supported here (supported: {string.Join(", ", Parameters.Keys)}).",
                    nameof(uri));
            }

            if (keyword == "SSL Mode")
            {
                value = SslModes.TryGetValue(value, out var mode)
                    ? mode
                    : throw new ArgumentException($"The PostgreSQL URI {Describe(uri)} has sslmode '{value}'; use one of {string.Join(", ", SslModes.Keys)}.", nameof(uri));
            }

            Set(builder, keyword, value, uri);
        }

        return builder;
    }

    /// <summary>One host (<c>h</c>, <c>h:5433</c>, <c>[::1]:5433</c>) becomes Host and Port; several are handed to Npgsql as its <c>h1:p1,h2:p2</c> list.</summary>
    private static void SetHosts(NpgsqlConnectionStringBuilder builder, string hosts, string uri)
    {
        if (hosts.Length == 0)
        {
            return;
        }

        if (hosts.Contains(',', StringComparison.Ordinal))
        {
            Set(builder, "Host", Uri.UnescapeDataString(hosts), uri);
            return;
        }

        var host = hosts;
        string? port = null;
        var close = hosts.LastIndexOf(']');
        var colon = hosts.LastIndexOf(':');
        if (hosts.StartsWith('[') && close > 0)
        {
            host = hosts[1..close];
            port = close + 1 < hosts.Length && hosts[close + 1] == ':' ? hosts[(close + 2)..] : null;
        }
        else if (colon >= 0)
        {
            host = hosts[..colon];
            port = hosts[(colon + 1)..];
        }

        Set(builder, "Host", Uri.UnescapeDataString(host), uri);
        if (port is not null)
        {
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                throw new ArgumentException($"The PostgreSQL URI {Describe(uri)} has the port '{port}', which is not a number from 1 to 65535.", nameof(uri));
            }

            builder.Port = number;
        }
    }

    private static void Set(NpgsqlConnectionStringBuilder builder, string keyword, string value, string uri)
    {
        if (value.Length == 0)
        {
            return;
        }

        try
        {
            builder[keyword] = value;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new ArgumentException($"The PostgreSQL URI {Describe(uri)} has an invalid {keyword}: {e.Message}", nameof(uri), e);
        }
    }

    /// <summary>The location as it may appear in a message: a URI without its query and with its password masked; a connection string not at all.</summary>
    private static string Describe(string location)
    {
        var scheme = Schemes.FirstOrDefault(s => location.StartsWith(s, StringComparison.OrdinalIgnoreCase));
        if (scheme is null)
        {
            return "(connection string)";
        }

        var query = location.IndexOf('?', StringComparison.Ordinal);
        var shown = query >= 0 ? location[..query] : location;
        var slash = shown.IndexOf('/', scheme.Length);
        var at = (slash >= 0 ? shown[..slash] : shown).LastIndexOf('@');
        var colon = at >= 0 ? shown.IndexOf(':', scheme.Length) : -1;
        return colon >= 0 && colon < at ? $"'{shown[..(colon + 1)]}***{shown[at..]}'" : $"'{shown}'";
    }
}
