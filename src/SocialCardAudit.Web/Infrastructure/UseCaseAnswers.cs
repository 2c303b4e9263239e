using Microsoft.AspNetCore.Mvc;
using SocialCardAudit.UseCases;

namespace SocialCardAudit.Web.Infrastructure;

/// <summary>How a page answers a use case's result: 404, 403, or back to <c>back</c> with the message.</summary>
public static class UseCaseAnswers
{
    /// <param name="showRefusal">Shows the page again with the reason (and what was typed) instead of going back; null to go back with it.</param>
    /// <param name="onDone">What else a success does (a security event).</param>
    public static async Task<IActionResult> AnswerAsync(this Controller controller, Result result, string back,
        Func<string, Task<IActionResult>>? showRefusal = null, Func<Task>? onDone = null)
    {
        switch (result.Status)
        {
            case Status.NotFound:
                return controller.NotFound();
            case Status.Denied:
                return controller.Forbid();
            case Status.Refused when showRefusal is not null:
                return await showRefusal(result.Message ?? "");
            case Status.Done:
                if (onDone is not null)
                {
                    await onDone();
                }
                controller.TempData["Message"] = result.Message;
                return controller.Redirect(back);
            default:
                controller.TempData["Error"] = result.Message;
                return controller.Redirect(back);
        }
    }
}
