namespace StsTools.Engine.Aws
{
    /// <summary>The wire protocols of the calls the module makes itself, which differ in how errors come back.</summary>
    public enum AwsProtocol
    {
        /// <summary>STS and IAM: form POST, XML, errors as <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;</c>.</summary>
        Query,

        /// <summary>EC2: form POST, XML, errors as <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code&gt;</c>.</summary>
        Ec2Query,

        /// <summary>Account: JSON body, errors in the <c>X-Amzn-ErrorType</c> header or the body's <c>__type</c>/<c>code</c>.</summary>
        RestJson,
    }
}
