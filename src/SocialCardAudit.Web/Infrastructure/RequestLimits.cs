using System.Net;
using SocialCardAudit.UseCases.Imports;

namespace SocialCardAudit.Web.Infrastructure;

/// <summary>
/// One size limit for every request body, answered in Chinese: a body over it gets 413 and a page that says why,
/// before any form is read (read first, it would fail the antiforgery check as an empty 400, and a re-executed status
/// page would stumble on the same unreadable form). Below it, each form says its own limit at its field.
/// </summary>
public static class RequestLimits
{
    /// <summary>The largest request: the largest import file (a setting) with room for the form around it.</summary>
    public static long MaxBodyBytes(ImportSettings imports) => imports.MaxFileBytes + 24L * 1024 * 1024;

    /// <summary>Fields in one form: the town's review of a village lists every person (a tick and a reason each); the largest villages have a few thousand.</summary>
    public const int MaxFormValues = 20_000;

    public const string Title = "上传内容过大";

    public static string Message(long maxBodyBytes) =>
        $"上传的文件或表单超过了系统允许的 {maxBodyBytes / 1024 / 1024} MB。照片请在页面中重新选择(页面会自动压缩),导入文件请按村(社区)拆分后分批导入。";

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app, long maxBodyBytes) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > maxBodyBytes)
            {
                await RefuseAsync(context, maxBodyBytes);
                return;
            }
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                await RefuseAsync(context, maxBodyBytes); // a body sent without its length
            }
        });

    private static Task RefuseAsync(HttpContext context, long maxBodyBytes)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            $"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Title}</title><link rel="stylesheet" href="/css/site.css"></head><body><main class="page"><section class="card narrow"><h1>{Title}</h1><p>{WebUtility.HtmlEncode(Message(maxBodyBytes))}</p><p><a href="/">返回首页</a></p></section></main></body></html>""");
    }
}
