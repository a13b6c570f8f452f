using EdgePose.Cli;
using EdgePose.Core.Errors;

namespace EdgePose.Host.Tests.Cli;

public class CommandErrorsTests
{
    [Fact]
    public void Bad_input_is_one_error_line_with_the_bad_input_exit_code()
    {
        using var stderr = new StringWriter();
        int code = CommandErrors.Report(new InputException("data.yaml:\n\tline 3:  kpt_shape is missing"), stderr);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("error: data.yaml: line 3: kpt_shape is missing" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void Unexpected_failure_gives_its_message_without_the_exception_type_and_the_failure_exit_code()
    {
        using var stderr = new StringWriter();
        int code = CommandErrors.Report(new InvalidOperationException("broken"), stderr);
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("error: broken" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void Argument_failure_drops_the_parameter_name_suffix()
    {
        using var stderr = new StringWriter();
        CommandErrors.Report(new ArgumentOutOfRangeException("destination", "size must be positive"), stderr);
        Assert.Equal("error: size must be positive" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void Io_failure_is_reported_without_the_exception_type()
    {
        using var stderr = new StringWriter();
        CommandErrors.Report(new IOException("No space left on device : '/x'"), stderr);
        Assert.DoesNotMatch(@"\b\w+Exception\b", stderr.ToString());
    }

    [Fact]
    public void Cancellation_is_reported_as_cancelled_with_exit_code_130()
    {
        using var stderr = new StringWriter();
        Assert.Equal(130, CommandErrors.Report(new OperationCanceledException(), stderr));
        Assert.Equal("error: cancelled" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void All_parse_errors_share_one_error_line_and_the_exit_code_is_bad_input()
    {
        using var stderr = new StringWriter();
        int code = CommandErrors.ReportParseErrors(["Unrecognized command or argument 'x'.", "Option '--conf'\nneeds a value."], stderr);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("error: Unrecognized command or argument 'x'.; Option '--conf' needs a value." + Environment.NewLine, stderr.ToString());
    }
}
