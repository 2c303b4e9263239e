namespace SocialCardAudit.Domain.SignOff;

/// <summary>
/// One reason given for several people at once (the clerk's unverified people, the town's returned ones): it fills
/// each chosen person who has no reason of their own; a reason written for one person is never overwritten.
/// </summary>
public static class SharedReason
{
    public static Dictionary<long, string> Fill(IReadOnlyDictionary<long, string>? own, IEnumerable<long> chosen, string? shared)
    {
        var reasons = (own ?? new Dictionary<long, string>())
            .Where(r => !string.IsNullOrWhiteSpace(r.Value))
            .ToDictionary(r => r.Key, r => r.Value.Trim());
        var blank = chosen.Where(id => !reasons.ContainsKey(id)).Distinct().ToList();
        if (blank.Count > 0 && string.IsNullOrWhiteSpace(shared))
        {
            throw new DomainException($"已选中 {blank.Count} 人但没有写原因:请填写统一原因,或逐人填写。");
        }
        foreach (var id in blank)
        {
            reasons[id] = shared!.Trim();
        }
        return reasons;
    }
}
