using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;

namespace MusicEmotion.Server.Hosting;

/// <summary>
/// The service cannot start, for a reason its operator can fix: the message names the problem and the setting to change,
/// in one line. <c>Program</c> prints it on stderr and exits with code 2 (no stack trace: nothing is wrong with the code).
/// </summary>
internal sealed class StartupRefusal(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The exit code of a refused start.</summary>
    public const int ExitCode = 2;

    /// <summary>Resolves a service, turning the operator's problems (settings, catalog, model) into a refusal.</summary>
    public static T Guard<T>(Func<T> resolve, string? catalogPath = null)
    {
        try
        {
            return resolve();
        }
        catch (Exception ex) when (From(ex, catalogPath) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>The refusal <paramref name="exception"/> stands for, or null when it is a fault of the service itself.</summary>
    public static StartupRefusal? From(Exception exception, string? catalogPath = null) => exception switch
    {
        StartupRefusal refusal => refusal,
        OptionsValidationException invalid => new StartupRefusal("invalid settings: " + string.Join(" ", invalid.Failures.Select(OneLine)), invalid),
        CatalogException catalog => new StartupRefusal(
            $"the catalog {catalogPath ?? catalog.Catalog} cannot be used: {OneLine(catalog.Problem)}. Set MusicEmotion:CatalogPath (or MusicEmotion:DataDirectory) "
            + "to this service's catalog file, or move that file away", catalog),
        EmotionModelException model => new StartupRefusal(
            $"the emotion model cannot be loaded: {OneLine(model.Message)}. Check MusicEmotion:Analyzer:ModelPath and MusicEmotion:Analyzer:ModelCardPath", model),
        IOException { InnerException: AddressInUseException } bind => new StartupRefusal(
            $"{OneLine(bind.Message).TrimEnd('.')}: another process listens there. Stop it, or choose another address with --urls (or ASPNETCORE_URLS)", bind),
        IOException { InnerException: SocketException { SocketErrorCode: SocketError.AccessDenied } } bind => new StartupRefusal(
            $"{OneLine(bind.Message).TrimEnd('.')}: permission denied (ports below 1024 need privileges). Choose another address with --urls (or ASPNETCORE_URLS)", bind),
        AggregateException { InnerExceptions.Count: 1 } aggregate => From(aggregate.InnerExceptions[0], catalogPath),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => From(inner, catalogPath),
        _ => null,
    };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
