using EdgePose.Train.Training.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Tests.Training.Optimizers;

public sealed class SafeOptimizerTests
{
    // Values and gradients come from a private generator: other tests reseed torch's global one in parallel.
    private static (Parameter[] A, Parameter[] B, Tensor[][] Grads) Twins(int seed, int steps)
    {
        var gen = new torch.Generator((ulong)seed);
        Tensor[] values = [randn(64, 32, generator: gen), randn(32, generator: gen), randn(8, 4, 3, 3, generator: gen)];
        var grads = Enumerable.Range(0, steps).Select(_ => values.Select(v => randn(v.shape, generator: gen)).ToArray()).ToArray();
        return (values.Select(v => new Parameter(v.clone())).ToArray(), values.Select(v => new Parameter(v.clone())).ToArray(), grads);
    }

    private static void Run(optim.Optimizer opt, Parameter[] ps, Tensor[][] grads)
    {
        for (var i = 0; i < grads.Length; i++)
        {
            // The schedule changes the learning rate and beta1/momentum every step, as the warm-up does.
            foreach (var g in opt.ParamGroups)
            {
                g.LearningRate = 0.01 * (1 + (0.1 * i));
                switch (g)
                {
                    case AdamW.ParamGroup a:
                        a.Options.beta1 = 0.8 + (0.01 * i);
                        break;
                    case SGD.ParamGroup s:
                        s.Options.momentum = 0.8 + (0.01 * i);
                        break;
                }
            }

            for (var j = 0; j < ps.Length; j++)
            {
                ps[j].grad = grads[i][j].clone();
            }

            opt.step();
        }
    }

    [Fact]
    public void Safe_adamw_steps_exactly_as_torchsharps_adamw()
    {
        var (a, b, grads) = Twins(1, 10);
        using var reference = new AdamW([new AdamW.ParamGroup(a, new AdamW.Options { LearningRate = 0.01, beta1 = 0.9, beta2 = 0.999, weight_decay = 0.05 })], 0.01);
        using var safe = new SafeAdamW([new AdamW.ParamGroup(b, new AdamW.Options { LearningRate = 0.01, beta1 = 0.9, beta2 = 0.999, weight_decay = 0.05 })], 0.01);
        Run(reference, a, grads);
        Run(safe, b, grads);
        for (var i = 0; i < a.Length; i++)
        {
            Assert.True(a[i].allclose(b[i], rtol: 1e-6, atol: 1e-7), $"parameter {i} differs by {(a[i] - b[i]).abs().max().item<float>()}");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Safe_sgd_steps_exactly_as_torchsharps_sgd(bool nesterov)
    {
        var (a, b, grads) = Twins(2, 10);
        using var reference = new SGD([new SGD.ParamGroup(a, new SGD.Options { LearningRate = 0.01, momentum = 0.9, nesterov = nesterov, weight_decay = 0.0005 })], 0.01, 0.9, nesterov: nesterov);
        using var safe = new SafeSgd([new SGD.ParamGroup(b, new SGD.Options { LearningRate = 0.01, momentum = 0.9, nesterov = nesterov, weight_decay = 0.0005 })], 0.01, 0.9, nesterov);
        Run(reference, a, grads);
        Run(safe, b, grads);
        for (var i = 0; i < a.Length; i++)
        {
            Assert.True(a[i].allclose(b[i], rtol: 1e-6, atol: 1e-7), $"parameter {i} differs by {(a[i] - b[i]).abs().max().item<float>()}");
        }
    }
}
