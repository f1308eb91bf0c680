"""Audio packs: a ``Document`` read aloud into numbered WAV files, one per section."""

from app.export.audio.members import AudioWriter, MemberAudioWriter
from app.export.audio.writer import AudioPack, file_name, write_audio_pack

__all__ = ["AudioPack", "AudioWriter", "MemberAudioWriter", "file_name", "write_audio_pack"]
