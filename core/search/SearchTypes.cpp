#include "search/SearchTypes.h"

namespace memscope {

nlohmann::json ScoreParts::toJson() const
{
    return {{"semantic", semantic},          {"keyword", keyword},         {"recency", recency}, {"bm25", bm25},
            {"semantic_rank", semanticRank}, {"keyword_rank", keywordRank}};
}

} // namespace memscope
