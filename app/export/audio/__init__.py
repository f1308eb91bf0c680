"""Audio packs: a ``Document`` read aloud into numbered WAV files, one per section."""

from app.export.audio.members import AudioWriter
from app.export.audio.writer import AudioPack, file_name, write_audio_pack

__all__ = ["AudioPack", "AudioWriter", "file_name", "write_audio_pack"]
