using Microsoft.AspNetCore.Mvc;
using SocialCardAudit.Documents;

namespace SocialCardAudit.Web.Infrastructure;

/// <summary>A document route's answer: the .xlsx or the .pdf, built only in the format asked for, or why a PDF cannot be made.</summary>
public static class DocumentResults
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pdf = "application/pdf";

    public static IActionResult Document(this Controller controller, string format, Func<byte[]> xlsx, Func<byte[]> pdf, string name)
    {
        try
        {
            return format == "pdf" ? controller.File(pdf(), Pdf, name + ".pdf") : controller.File(xlsx(), Xlsx, name + ".xlsx");
        }
        catch (CjkFontMissingException e)
        {
            controller.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return controller.Content(e.Message);
        }
    }
}
