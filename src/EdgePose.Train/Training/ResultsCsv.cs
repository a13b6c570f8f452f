using System.Globalization;
using System.Text;

namespace EdgePose.Train.Training;

/// <summary>
/// results.csv as Ultralytics names its columns (epoch, time, train/*_loss, metrics/mAP50(B), metrics/mAP50-95(B),
/// metrics/mAP50(P), metrics/mAP50-95(P), lr/pg0..2), one row per epoch, rewritten whole after each epoch.
/// </summary>
public static class ResultsCsv
{
    public const string Header = "epoch,time,train/box_loss,train/pose_loss,train/kobj_loss,train/cls_loss,train/dfl_loss,metrics/mAP50(B),metrics/mAP50-95(B),metrics/mAP50(P),metrics/mAP50-95(P),lr/pg0,lr/pg1,lr/pg2";

    public static void Write(string path, IEnumerable<EpochResult> rows)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
        {
            var v = r.Val;
            double[] values = [r.Seconds, r.Box, r.Pose, r.Kobj, r.Cls, r.Dfl, v?.BoxMap50 ?? double.NaN, v?.BoxMap ?? double.NaN, v?.PoseMap50 ?? double.NaN, v?.PoseMap ?? double.NaN, .. r.LearningRates];
            sb.Append(r.Epoch + 1);
            foreach (var x in values)
            {
                sb.Append(',').Append(double.IsNaN(x) ? "" : x.ToString("0.#####", CultureInfo.InvariantCulture));
            }

            sb.Append('\n');
        }

        var temp = path + ".tmp";
        File.WriteAllText(temp, sb.ToString());
        File.Move(temp, path, overwrite: true);
    }
}
