namespace TruceWatch.Core.Obligations;

/// <summary>
/// A prisoner (or body) exchange as announced: an <c>agreement</c> (what was agreed) or an <c>exchange</c> (what was carried out), with
/// the people handed back to each side; <see cref="Ref"/> links the stages of one deal.
/// </summary>
public sealed record Exchange(DateOnly Date, string Kind, string? Ref, int? Stage, int? ReturnedToUa, int? ReturnedToRu, string Category, string Source, string? Note)
{
    public bool IsCarriedOut => Kind == "exchange";
}
