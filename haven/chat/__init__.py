"""Haven's chat: a turn from the person's words to a saved, cited, safety-checked reply.

``ChatService.respond`` / ``respond_stream`` run a turn; ``GuideEngine`` answers offline with no model;
``LLMEngine`` answers through a LangChain chat model (Ollama or an OpenAI-compatible server).
"""

from haven.chat.guide import GuideEngine
from haven.chat.llm import ConnectionCheck, EngineSpec, LLMEngine, LLMUnavailable, test_connection
from haven.chat.memory import Recap
from haven.chat.service import ChatService, get_chat_service
from haven.chat.store import ConversationNotFound
from haven.chat.types import Citation, ConversationSummary, Reply, TurnRecord

__all__ = [
    "ChatService",
    "Citation",
    "ConnectionCheck",
    "ConversationNotFound",
    "ConversationSummary",
    "EngineSpec",
    "GuideEngine",
    "LLMEngine",
    "LLMUnavailable",
    "Recap",
    "Reply",
    "TurnRecord",
    "get_chat_service",
    "test_connection",
]
