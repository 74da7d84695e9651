using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using TruceWatch.Core.Ledger;

namespace TruceWatch.Storage.Ledger;

/// <summary>
/// A published checkpoint as a small JSON file (<c>sequence, head, at, key_id, signature</c> and the <c>signed_text</c> itself, so it
/// can be checked with openssl alone), and the PEM key files that sign and check it.
/// </summary>
public static class CheckpointFile
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static void Write(LedgerCheckpoint checkpoint, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, Json);
        writer.WriteStartObject();
        writer.WriteString("format", "trucewatch-ledger-checkpoint/1");
        writer.WriteNumber("sequence", checkpoint.Sequence);
        writer.WriteString("head", checkpoint.Head);
        writer.WriteString("at", checkpoint.AtText);
        writer.WriteString("key_id", checkpoint.KeyId);
        writer.WriteString("signature", checkpoint.Signature);
        writer.WriteString("signed_text", checkpoint.SignedText);
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>The checkpoint in <paramref name="path"/>, or <c>null</c> with the reason.</summary>
    public static LedgerCheckpoint? Read(string path, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var o = document.RootElement;
            var at = DateTimeOffset.ParseExact(o.GetProperty("at").GetString()!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            error = null;
            return new LedgerCheckpoint(o.GetProperty("sequence").GetInt64(), o.GetProperty("head").GetString()!, at,
                o.GetProperty("key_id").GetString()!, o.GetProperty("signature").GetString()!);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException or IOException)
        {
            error = $"{path} is not a ledger checkpoint: {e.Message}";
            return null;
        }
    }

    /// <summary>Creates a new P-256 key pair as <c>NAME.key</c> (PKCS#8, readable by its owner only) and <c>NAME.pub</c> (to publish).</summary>
    public static (string PrivatePath, string PublicPath, string KeyId) CreateKeys(string name)
    {
        var privatePath = name + ".key";
        var publicPath = name + ".pub";
        foreach (var path in (string[])[privatePath, publicPath])
        {
            if (File.Exists(path))
            {
                throw new IOException($"{path} already exists; keys are never overwritten.");
            }
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(privatePath, options))
        {
            file.Write(key.ExportPkcs8PrivateKeyPem());
            file.Write('\n');
        }

        File.WriteAllText(publicPath, key.ExportSubjectPublicKeyInfoPem() + "\n");
        return (privatePath, publicPath, LedgerCheckpoint.KeyIdOf(key));
    }

    /// <summary>A key from a PEM file (private to sign, public to check), or <c>null</c> with the reason.</summary>
    public static ECDsa? LoadKey(string path, out string? error)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            error = null;
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException or IOException)
        {
            key.Dispose();
            error = $"{path}: not an EC key in PEM form ({e.Message})";
            return null;
        }
    }
}
