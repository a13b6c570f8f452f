#include "onnx_parser_errors.hpp"

namespace ept {

std::string describeParserErrors(nvonnxparser::IParser const& parser)
{
    std::string text;
    auto const count = parser.getNbErrors();
    for (int i = 0; i < count; ++i)
    {
        auto const* e = parser.getError(i);
        if (e == nullptr)
        {
            continue;
        }
        if (!text.empty())
        {
            text += "; ";
        }
        if (e->node() >= 0)
        {
            text += "node " + std::to_string(e->node());
#if NV_TENSORRT_MAJOR >= 10
            if (e->nodeName() != nullptr && e->nodeName()[0] != '\0')
            {
                text += std::string(" '") + e->nodeName() + "'";
            }
            if (e->nodeOperator() != nullptr && e->nodeOperator()[0] != '\0')
            {
                text += std::string(" (") + e->nodeOperator() + ")";
            }
#endif
            text += ": ";
        }
        text += e->desc() != nullptr ? e->desc() : "unknown error";
    }
    return text.empty() ? std::string("no error text") : text;
}

} // namespace ept
