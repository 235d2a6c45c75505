using StsTools.Emulator.Protocol;

namespace StsTools.Emulator.RolesAnywhere;

public sealed class RolesAnywhereHandler
{
    private readonly EmulatorState _state;

    public RolesAnywhereHandler(EmulatorState state) => _state = state;

    public Task HandleAsync(EmulatorRequest request) =>
        throw new AwsErrorException("AccessDeniedException", "Roles Anywhere is not implemented yet.", 403);
}
