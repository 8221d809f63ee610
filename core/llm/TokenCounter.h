#pragma once

#include "llm/ChatTypes.h"

#include <string>
#include <string_view>
#include <vector>

namespace memscope {

// Token estimates without a tokenizer (nothing to download, same answer for every model), for prompt
// budgets and for usage when a server reports none.
//
// The heuristic blends the two rules of thumb for BPE vocabularies of the GPT/Llama family: ~4 characters
// per token, and ~0.75 words per token. Prose satisfies both; code and JSON have short "words" and much
// punctuation, so the word side counts each punctuation mark as a token. Each side alone is off by 20-40%
// on some texts; their mean stays within about 15-20% of cl100k/Llama 3 counts on English prose, code and
// JSON. CJK characters count one token each (they rarely merge), other non-ASCII letters two bytes per
// character on the character side. Results are never 0 for a non-empty text.
class TokenCounter {
public:
    static int estimate(std::string_view text);

    // Chat framing: about 4 tokens per message (role and separators) plus 3 priming the reply.
    static constexpr int kPerMessageOverhead = 4;
    static constexpr int kReplyPriming = 3;

    static int estimate(const ChatMessage& message);
    static int estimate(const std::vector<ChatMessage>& messages);
    // The whole prompt of a request: messages plus tool definitions as they are sent.
    static int estimate(const ChatRequest& request);

    // The longest prefix of `text` estimated at no more than `maxTokens`, cut at a word boundary where one
    // is near and never inside a UTF-8 character.
    static std::string truncate(std::string_view text, int maxTokens);
};

} // namespace memscope
