using System.Text;
using StsTools.Engine.Files;

namespace StsTools.Engine.Tests.Files;

public sealed class CredentialsFileEditorTests
{
    private static readonly KeyValuePair<string, string?>[] NewKeys =
    {
        new("aws_access_key_id", "ASIANEWKEY0000000000"),
        new("aws_secret_access_key", "new/secret+key"),
        new("aws_session_token", "IQoJnewtoken"),
        new("x_security_token_expires", "2099-01-01T00:00:00Z"),
    };

    // Comments of both kinds, CRLF and LF mixed, tabs, `key: value`, a continuation line, bytes that are not
    // UTF-8, a UTF-8 name, and no newline at the end.
    private static readonly byte[] OddFile = Encoding.Latin1.GetBytes(
        "# my keys\r\n[default]\r\naws_access_key_id=AKIADEFAULT\r\naws_secret_access_key :  s3cr3t\t\r\n\r\n" +
        "; ci profile\n[ci]\nregion = eu-west-1\naws_access_key_id = ASIAOLD\naws_session_token = old\n    continued\n# about prod\n" +
        "[prod]\nlatin1 = caf\xe9\n[ünïcode]\nk=v").Concat(Encoding.UTF8.GetBytes("\n[日本]\nk=v")).ToArray();

    [Fact]
    public void Updates_an_existing_profile_in_place_and_keeps_every_other_byte()
    {
        var edited = CredentialsFileEditor.SetKeys(OddFile, "ci", NewKeys);
        var text = Encoding.Latin1.GetString(edited);
        var expected = Encoding.Latin1.GetString(OddFile)
            .Replace("aws_access_key_id = ASIAOLD\naws_session_token = old\n    continued\n",
                "aws_access_key_id = ASIANEWKEY0000000000\naws_session_token = IQoJnewtoken\naws_secret_access_key = new/secret+key\nx_security_token_expires = 2099-01-01T00:00:00Z\n");
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Appends_a_new_profile_after_the_untouched_file()
    {
        var edited = CredentialsFileEditor.SetKeys(OddFile, "new-profile", NewKeys);
        Assert.Equal(OddFile, edited.Take(OddFile.Length));
        Assert.Equal("\n\n[new-profile]\naws_access_key_id = ASIANEWKEY0000000000\naws_secret_access_key = new/secret+key\naws_session_token = IQoJnewtoken\nx_security_token_expires = 2099-01-01T00:00:00Z\n",
            Encoding.UTF8.GetString(edited.Skip(OddFile.Length).ToArray()));
    }

    [Fact]
    public void Follows_the_file_s_line_endings_and_indentation()
    {
        var file = "[default]\r\n  region = x\r\n  aws_access_key_id = OLD\r\n"u8.ToArray();
        var edited = Encoding.UTF8.GetString(CredentialsFileEditor.SetKeys(file, "default", NewKeys.Take(2).ToArray()));
        Assert.Equal("[default]\r\n  region = x\r\n  aws_access_key_id = ASIANEWKEY0000000000\r\n  aws_secret_access_key = new/secret+key\r\n", edited);
    }

    [Fact]
    public void Writes_the_default_profile_and_a_UTF8_name_in_a_file_without_final_newline()
    {
        var edited = CredentialsFileEditor.SetKeys(OddFile, "日本", NewKeys.Take(1).ToArray());
        Assert.EndsWith("\n[日本]\nk=v\naws_access_key_id = ASIANEWKEY0000000000\n", Encoding.UTF8.GetString(edited));
    }

    [Fact]
    public void A_null_value_removes_the_key()
    {
        var file = "[ci]\naws_access_key_id = A\naws_session_token = T\naws_security_token = T\n[x]\n"u8.ToArray();
        var edited = CredentialsFileEditor.SetKeys(file, "ci", new KeyValuePair<string, string?>[] { new("aws_session_token", null), new("aws_security_token", null) });
        Assert.Equal("[ci]\naws_access_key_id = A\n[x]\n", Encoding.UTF8.GetString(edited));
    }

    [Fact]
    public void Removing_the_keys_removes_an_empty_profile_but_keeps_comments_for_the_next()
    {
        var created = CredentialsFileEditor.SetKeys(OddFile, "new-profile", NewKeys);
        var removed = CredentialsFileEditor.RemoveKeys(created, "new-profile", NewKeys.Select(k => k.Key), out var changed);
        Assert.True(changed);
        Assert.Equal(Encoding.Latin1.GetString(OddFile) + "\n", Encoding.Latin1.GetString(removed));

        var ci = CredentialsFileEditor.RemoveKeys(OddFile, "ci", NewKeys.Select(k => k.Key), out _);
        Assert.Contains("[ci]\nregion = eu-west-1\n# about prod\n[prod]", Encoding.Latin1.GetString(ci));

        var file = "[a]\naws_access_key_id = A\n\n# about b\n[b]\nk=v\n"u8.ToArray();
        Assert.Equal("# about b\n[b]\nk=v\n", Encoding.UTF8.GetString(CredentialsFileEditor.RemoveKeys(file, "a", new[] { "aws_access_key_id" }, out _)));
    }

    [Fact]
    public void Reads_a_section_as_configparser_does()
    {
        var section = CredentialsFileEditor.ReadSection(OddFile, "default")!;
        Assert.Equal("AKIADEFAULT", section["aws_access_key_id"]);
        Assert.Equal("s3cr3t", section["aws_secret_access_key"]);
        Assert.Null(CredentialsFileEditor.ReadSection(OddFile, "missing"));
    }
}
