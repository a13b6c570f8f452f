#include "network_inputs.hpp"

namespace ept {

std::vector<NetworkInput> networkInputs(nvinfer1::INetworkDefinition& network)
{
    std::vector<NetworkInput> inputs;
    for (int32_t i = 0; i < network.getNbInputs(); ++i)
    {
        auto* tensor = network.getInput(i);
        inputs.push_back(NetworkInput{tensor->getName(), tensor->getType(), tensor->getDimensions(), tensor->isShapeTensor()});
    }
    return inputs;
}

bool hasQuantizeLayers(nvinfer1::INetworkDefinition& network)
{
    for (int32_t i = 0; i < network.getNbLayers(); ++i)
    {
        auto const type = network.getLayer(i)->getType();
        if (type == nvinfer1::LayerType::kQUANTIZE || type == nvinfer1::LayerType::kDEQUANTIZE)
        {
            return true;
        }
    }
    return false;
}

} // namespace ept
