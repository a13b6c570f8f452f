namespace EdgePose.Train.Loss;

/// <summary>Weights of the pose loss terms; the defaults are Ultralytics' (box 7.5, cls 0.5, dfl 1.5, pose 12, kobj 1).</summary>
public sealed record LossGains(double Box = 7.5, double Cls = 0.5, double Dfl = 1.5, double Pose = 12.0, double Kobj = 1.0);
