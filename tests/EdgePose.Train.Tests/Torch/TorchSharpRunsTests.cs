using TorchSharp;
using static TorchSharp.torch;

namespace EdgePose.Train.Tests.Torch;

/// <summary>TorchSharp loads from the (patched where needed) build output and trains a small conv.</summary>
public sealed class TorchSharpRunsTests
{
    [Fact]
    public void A_conv_runs_forward_and_backward_and_a_step_lowers_the_loss()
    {
        torch.manual_seed(1);
        using var conv = nn.Conv2d(3, 4, 3, padding: 1);
        using var x = torch.randn(2, 3, 8, 8);
        using var target = torch.zeros(2, 4, 8, 8);
        using var opt = optim.SGD(conv.parameters(), 0.1);

        using var y = conv.forward(x);
        Assert.Equal(new long[] { 2, 4, 8, 8 }, y.shape);
        using var loss = nn.functional.mse_loss(y, target);
        loss.backward();
        Assert.NotNull(conv.weight!.grad);
        Assert.True(conv.weight.grad!.abs().sum().item<float>() > 0f);
        opt.step();

        using var after = nn.functional.mse_loss(conv.forward(x), target);
        Assert.True(after.item<float>() < loss.item<float>(), $"{after.item<float>()} !< {loss.item<float>()}");
    }
}
