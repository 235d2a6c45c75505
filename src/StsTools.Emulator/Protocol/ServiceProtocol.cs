using StsTools.Emulator.Auth;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace StsTools.Emulator.Protocol;

/// <summary>
/// How one AWS wire protocol answers: success bodies and errors. STS and IAM speak the query protocol
/// (<c>&lt;ErrorResponse&gt;</c>), EC2 its own query dialect (<c>&lt;Response&gt;&lt;Errors&gt;</c>), Account and Roles
/// Anywhere rest-json (<c>X-Amzn-ErrorType</c>).
/// </summary>
public abstract class ServiceProtocol
{
    public static readonly ServiceProtocol Sts = new QueryProtocol("https://sts.amazonaws.com/doc/2011-06-15/");
    public static readonly ServiceProtocol Iam = new QueryProtocol("https://iam.amazonaws.com/doc/2010-05-08/");
    public static readonly ServiceProtocol Ec2 = new Ec2Protocol();
    public static readonly ServiceProtocol RestJson = new RestJsonProtocol();

    public abstract Task WriteErrorAsync(HttpContext context, string requestId, AwsErrorException error);

    public abstract AwsErrorException MapAuth(AuthException problem);

    public abstract AwsErrorException Throttling();

    /// <summary>The caller's deny list forbids the call (an explicit deny in an identity-based policy).</summary>
    public abstract AwsErrorException Denied(ExplicitDenyException denial);

    public abstract AwsErrorException ServerError(int status);

    protected const string InvalidTokenMessage = "The security token included in the request is invalid.";
    protected const string SignatureMismatchMessage = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    protected const string ExpiredTokenMessage = "The security token included in the request is expired";

    protected static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, Encoding.UTF8);
    }

    /// <summary>A successful XML answer of the query protocols.</summary>
    public static Task WriteXmlAsync(HttpContext context, XElement root, int status = 200) =>
        WriteAsync(context, status, "text/xml", new XDocument(root).ToString(SaveOptions.DisableFormatting));

    public static Task WriteJsonAsync(HttpContext context, object body, int status = 200) =>
        WriteAsync(context, status, "application/json", JsonSerializer.Serialize(body));
}

public sealed class QueryProtocol : ServiceProtocol
{
    public QueryProtocol(string xmlNamespace) => Namespace = xmlNamespace;

    public XNamespace Namespace { get; }

    public override Task WriteErrorAsync(HttpContext context, string requestId, AwsErrorException error)
    {
        var ns = Namespace;
        var body = new XElement(ns + "ErrorResponse",
            new XElement(ns + "Error",
                new XElement(ns + "Type", error.IsSenderFault ? "Sender" : "Receiver"),
                new XElement(ns + "Code", error.Code),
                new XElement(ns + "Message", error.Message)),
            new XElement(ns + "RequestId", requestId));
        return WriteXmlAsync(context, body, error.StatusCode);
    }

    public override AwsErrorException MapAuth(AuthException p) => p.Problem switch
    {
        AuthProblem.MissingAuthentication => new("MissingAuthenticationToken", "Request is missing Authentication Token", 403),
        AuthProblem.IncompleteSignature => new("IncompleteSignature", p.Detail ?? "The request signature does not conform to AWS standards.", 400),
        AuthProblem.InvalidToken => new("InvalidClientTokenId", InvalidTokenMessage, 403),
        AuthProblem.SignatureMismatch => new("SignatureDoesNotMatch", SignatureMismatchMessage, 403),
        AuthProblem.ExpiredToken => new("ExpiredToken", ExpiredTokenMessage, 403),
        AuthProblem.SignatureTime => new("SignatureDoesNotMatch", p.Detail ?? "Signature expired", 403),
        AuthProblem.WrongScope => new("SignatureDoesNotMatch", p.Detail ?? "Credential should be scoped to a valid region.", 403),
        _ => new("InternalFailure", "unmapped authentication problem", 500, false),
    };

    public override AwsErrorException Throttling() => new("Throttling", "Rate exceeded", 400);

    public override AwsErrorException Denied(ExplicitDenyException denial) => new("AccessDenied", denial.Message, 403);

    public override AwsErrorException ServerError(int status) => status == 503
        ? new("ServiceUnavailable", "Service is unable to handle request.", 503, false)
        : new("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", status, false);
}

public sealed class Ec2Protocol : ServiceProtocol
{
    public override Task WriteErrorAsync(HttpContext context, string requestId, AwsErrorException error)
    {
        // EC2 errors carry no namespace and say RequestID (capital D).
        var body = new XElement("Response",
            new XElement("Errors",
                new XElement("Error",
                    new XElement("Code", error.Code),
                    new XElement("Message", error.Message))),
            new XElement("RequestID", requestId));
        return WriteXmlAsync(context, body, error.StatusCode);
    }

    public override AwsErrorException MapAuth(AuthException p) => p.Problem switch
    {
        AuthProblem.MissingAuthentication => new("MissingParameter", "The request must contain the parameter AWSAccessKeyId", 401),
        AuthProblem.IncompleteSignature => new("IncompleteSignature", p.Detail ?? "The request signature does not conform to AWS standards.", 400),
        AuthProblem.InvalidToken => new("AuthFailure", "AWS was not able to validate the provided access credentials", 401),
        AuthProblem.SignatureMismatch => new("SignatureDoesNotMatch", SignatureMismatchMessage, 403),
        AuthProblem.ExpiredToken => new("RequestExpired", "Request has expired.", 400),
        AuthProblem.SignatureTime => new("RequestExpired", "Request has expired.", 400),
        AuthProblem.WrongScope => new("AuthFailure", "AWS was not able to validate the provided access credentials", 401),
        _ => new("InternalError", "unmapped authentication problem", 500, false),
    };

    public override AwsErrorException Throttling() => new("RequestLimitExceeded", "Request limit exceeded.", 503);

    // EC2 says it without a resource: "You are not authorized to perform this operation. User: … is not authorized to
    // perform: ec2:DescribeRegions with an explicit deny in an identity-based policy".
    public override AwsErrorException Denied(ExplicitDenyException denial) => new("UnauthorizedOperation",
        $"You are not authorized to perform this operation. User: {denial.CallerArn} is not authorized to perform: {denial.Action} with an explicit deny in an identity-based policy", 403);

    public override AwsErrorException ServerError(int status) => status == 503
        ? new("Unavailable", "The server is overloaded and can't handle the request.", 503, false)
        : new("InternalError", "An internal error has occurred.", status, false);
}

public sealed class RestJsonProtocol : ServiceProtocol
{
    public override async Task WriteErrorAsync(HttpContext context, string requestId, AwsErrorException error)
    {
        context.Response.Headers["X-Amzn-ErrorType"] = error.Code;
        await WriteJsonAsync(context, new Dictionary<string, string> { ["message"] = error.Message }, error.StatusCode);
    }

    public override AwsErrorException MapAuth(AuthException p) => p.Problem switch
    {
        AuthProblem.MissingAuthentication => new("MissingAuthenticationTokenException", "Missing Authentication Token", 403),
        AuthProblem.IncompleteSignature => new("IncompleteSignatureException", p.Detail ?? "The request signature does not conform to AWS standards.", 400),
        AuthProblem.InvalidToken => new("UnrecognizedClientException", InvalidTokenMessage, 403),
        AuthProblem.SignatureMismatch => new("InvalidSignatureException", SignatureMismatchMessage, 403),
        AuthProblem.ExpiredToken => new("ExpiredTokenException", ExpiredTokenMessage, 403),
        AuthProblem.SignatureTime => new("InvalidSignatureException", p.Detail ?? "Signature expired", 403),
        AuthProblem.WrongScope => new("InvalidSignatureException", p.Detail ?? "Credential should be scoped to a valid region.", 403),
        _ => new("InternalServerException", "unmapped authentication problem", 500, false),
    };

    public override AwsErrorException Throttling() => new("ThrottlingException", "Rate exceeded", 429);

    public override AwsErrorException Denied(ExplicitDenyException denial) => new("AccessDeniedException", denial.Message, 403);

    public override AwsErrorException ServerError(int status) => status == 503
        ? new("ServiceUnavailableException", "Service Unavailable", 503, false)
        : new("InternalServerException", "Internal server error", status, false);
}
