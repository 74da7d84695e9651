using System.CommandLine;
using TruceWatch.Storage.Ledger;

namespace TruceWatch.Cli.Commands;

/// <summary><c>trucewatch keygen --out NAME</c>: a key pair for signing ledger checkpoints.</summary>
internal static class KeygenCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--out") { Description = "Writes NAME.key (private: keep it) and NAME.pub (public: publish it).", Required = true };
        var command = new Command("keygen", "Create an ECDSA P-256 key pair for signing ledger checkpoints.") { name };
        command.SetAction(parse =>
        {
            try
            {
                var (privatePath, publicPath, keyId) = CheckpointFile.CreateKeys(parse.GetValue(name)!);
                Console.WriteLine($"Wrote {privatePath} (private, mode 600) and {publicPath} (publish it); key id {keyId}");
                return 0;
            }
            catch (IOException e)
            {
                return CommonOptions.Fail(e.Message);
            }
        });
        return command;
    }
}
