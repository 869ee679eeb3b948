using LogicNets.Continuous.Gramo;
using LogicNets.Continuous.Mlp;
using LogicNets.Continuous.Moie;
using LogicNets.Continuous.Product;
using LogicNets.Continuous.Spl;
using LogicNets.Digital.Distillation;
using LogicNets.Digital.Learners;
using LogicNets.Digital.LogicChains;
using LogicNets.Digital.LogicTrees;
using LogicNets.Digital.Mapper;
using LogicNets.Tasks.Learning;

namespace LogicNets.Harness.Registry;

/// <summary>Every learner the toolkit ships, registered under its model name.</summary>
public static class BuiltInModels
{
    public static ModelCatalog Catalog { get; } = new([
        MlpLearner.Descriptor,
        MlpParammoLearner.Descriptor,
        ProductLearner.Descriptor,
        SplLearner.Descriptor,
        MoieLearner.Descriptor,
        GateNetLearner.FixedWiring,
        GateNetLearner.LearnableWiring,
        SerialGateLearner.Descriptor,
        ConvGateLearner.Descriptor,
        LogicTreeLearner.Descriptor,
        LogicChainLearner.Descriptor,
        MapperLearner.Descriptor,
        DistilledCircuitLearner.Descriptor(MlpLearner.Descriptor.Create),
    ], [OracleDistillationLearner.Form]);
}
