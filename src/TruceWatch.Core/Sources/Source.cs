using TruceWatch.Core.Parties;

namespace TruceWatch.Core.Sources;

/// <summary>Who reports: an id used in report keys, its kind, reliability grade and the party it speaks for, if any.</summary>
public sealed record Source(string Id, string Name, SourceKind Kind, Reliability Reliability, PartyCode? SpeaksFor)
{
    /// <summary>A source seen in a file but not registered: kind <c>media</c>, reliability F (cannot be judged).</summary>
    public static Source Unregistered(string id) => new(id, id, SourceKind.Media, Reliability.F, null);
}
