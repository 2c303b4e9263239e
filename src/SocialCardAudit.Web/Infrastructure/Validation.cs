using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SocialCardAudit.Web.Infrastructure;

public static class Validation
{
    /// <summary>Runs the validator (async rules included) and copies its errors into the model state.</summary>
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T model, ModelStateDictionary modelState)
    {
        var result = await validator.ValidateAsync(model);
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }
        return modelState.IsValid;
    }
}
