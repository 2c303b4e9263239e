namespace SocialCardAudit.Domain;

/// <summary>A rule of the domain was broken. The message is Chinese and shown to the user as it is.</summary>
public class DomainException(string message) : Exception(message);
