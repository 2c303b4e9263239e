namespace SocialCardAudit.UseCases;

public enum Status
{
    /// <summary>Done; the message says what was done.</summary>
    Done,

    /// <summary>Not done by the domain's rules (a wrong state, a missing reason); the message says why.</summary>
    Refused,

    /// <summary>The object exists in the county but is outside the actor's part or role.</summary>
    Denied,

    /// <summary>No such object in the actor's county.</summary>
    NotFound,

    /// <summary>Someone else changed it at the same moment; nothing was saved.</summary>
    Conflict,
}

/// <summary>What a use case answers, for a page, the command line or a background job to show in its own way.</summary>
/// <param name="About">For a refusal, the input it is about (a form shows the message beside that field), if any.</param>
public sealed record Result(Status Status, string? Message = null, string? About = null)
{
    public static readonly Result Denied = new(Status.Denied);
    public static readonly Result NotFound = new(Status.NotFound);

    public static Result Done(string message) => new(Status.Done, message);

    public static Result Refused(string message, string? about = null) => new(Status.Refused, message, about);
}
