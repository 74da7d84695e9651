using TruceWatch.Core.Parties;

namespace TruceWatch.Core.Obligations;

/// <summary>A party's report of incidents, as published: its daily strike or interception statement, and when it was posted.</summary>
public sealed record Notification(PartyCode Party, DateTimeOffset PostedAt);
